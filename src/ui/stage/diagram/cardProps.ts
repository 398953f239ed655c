/** What every table card is drawn from: the same props for a directory card, a PTE grid and their motion wrapper. */
import type { Selection } from '../../../protocol/messages';
import type { TableChange } from '../../../viz/changes';
import type { Card, Metrics } from '../../../viz/layout';

export interface CardProps {
  readonly card: Card;
  readonly m: Metrics;
  readonly hue: number | 'host';
  /** The name of the mm charged for the table. */
  readonly owner: string;
  readonly change: TableChange | undefined;
  readonly selected: boolean;
  readonly selectedEntry: number | null;
  readonly onSelect: (s: Selection) => void;
}
