import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/** Loads the next, older page of a list the API serves a page at a time; nothing on the last page. */
export function MoreButton({ list, label }: { list: PagedList; label?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
      {label ?? t('common.more')}
    </Button>
  );
}
