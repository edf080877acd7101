import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { OdaraFormResponse, OrderProgressResponse, RegisteredOrderResponse, RegisterProtectionOrderRequest } from '../../api/korgoo-api';
import { useSession } from '../../lib/session';

export function useOdaraForm() {
  const { api } = useSession();
  return useQuery({ queryKey: ['odara-form'], queryFn: () => api.get<OdaraFormResponse>('/api/v1/odara/form'), staleTime: Infinity });
}

// Police have no list endpoint yet: the orders filed from this device are remembered here, per officer.
const ordersKey = (username: string) => `korgoo.orders.${username}`;

export function rememberedOrders(username: string): string[] {
  return JSON.parse(localStorage.getItem(ordersKey(username)) ?? '[]') as string[];
}

export function useRegisterOrder() {
  const { api, session } = useSession();
  return useMutation({
    mutationFn: (order: RegisterProtectionOrderRequest) => api.post<RegisteredOrderResponse>('/api/v1/protection-orders', order),
    onSuccess: ({ orderId }) => {
      const username = session?.username ?? '';
      const known = rememberedOrders(username).filter((id) => id !== orderId);
      localStorage.setItem(ordersKey(username), JSON.stringify([orderId, ...known]));
    },
  });
}

export function useMyOrders() {
  const { api, session } = useSession();
  const ids = rememberedOrders(session?.username ?? '');
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['order', id],
      queryFn: () => api.get<OrderProgressResponse>(`/api/v1/protection-orders/${id}`),
      refetchInterval: 5000,
    })),
  });
}
