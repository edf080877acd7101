import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

/**
 * class-transformer's storage of the types contracts nest (`@Type`), which the library keeps but exports no
 * typings for: read where a contract's shape is walked without transforming a message.
 */
export const transformerMetadata = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage })
  .defaultMetadataStorage;
