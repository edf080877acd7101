import { IndicatorDimension, Scope } from '@korgoo/contracts';

/** What a reader asked for: the months of issue, the dimension to group by, the filters, within their scope. */
export interface IndicatorQuery {
  scope: Scope;
  from: string;
  to: string;
  groupBy: IndicatorDimension;
  oblast?: string;
  unit?: string;
  centreId?: string;
}
