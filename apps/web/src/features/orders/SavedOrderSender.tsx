import { useSendSavedOrders } from './api';

/** Runs for as long as an officer is signed in, whichever screen is open: saved orders leave when the network returns. */
export function SavedOrderSender() {
  useSendSavedOrders();
  return null;
}
