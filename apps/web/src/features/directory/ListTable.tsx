import { ScrollArea, Table, VisuallyHidden } from '@mantine/core';
import { ReactNode } from 'react';

interface Props {
  label: string;
  headings: string[];
  /** Heads a last column of buttons, for screen readers only: the buttons say what they do. */
  actions?: string;
  children: ReactNode;
}

/** A directory table that scrolls sideways on a phone, headed by its columns. */
export function ListTable({ label, headings, actions, children }: Props) {
  return (
    <ScrollArea viewportProps={{ tabIndex: 0 }}>
      <Table striped withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => <Table.Th key={heading}>{heading}</Table.Th>)}
            {actions && <Table.Th><VisuallyHidden>{actions}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
