import { ScrollArea, Table } from '@mantine/core';
import { ReactNode } from 'react';

interface Props {
  label: string;
  /** The column headings; an empty one heads a column of actions. */
  headings: string[];
  children: ReactNode;
}

/** A directory table that scrolls sideways on a phone, headed by its columns. */
export function ListTable({ label, headings, children }: Props) {
  return (
    <ScrollArea viewportProps={{ tabIndex: 0 }}>
      <Table striped withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading, index) => <Table.Th key={index}>{heading}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
