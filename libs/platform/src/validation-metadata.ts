import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
const REMEMBERED = Symbol('korgoo.rememberedValidationMetadata');

/**
 * class-validator looks up a class's rules on every object it validates, and the lookup walks every registered
 * class to find the ones it inherits from: in profiles under load that walk was 2-7% of each service's CPU. The
 * rules only change when a class is declared, so the answer is kept per class and options until the next
 * declaration, and so is its grouping by property. Installed once per process on the library's shared storage,
 * which Nest's pipe uses too.
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const patched = storage as MetadataStorage & { [REMEMBERED]?: true };
  if (patched[REMEMBERED]) return;
  patched[REMEMBERED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const declare = storage.addValidationMetadata.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let known = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  // The validator also groups the kept rules by property for every object; the grouping is only read.
  let grouped = new WeakMap<ValidationMetadata[], ReturnType<MetadataStorage['groupByPropertyName']>>();
  storage.addValidationMetadata = (metadata) => {
    known = new WeakMap();
    grouped = new WeakMap();
    declare(metadata);
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map()));
    let metadata = byOptions.get(key);
    if (!metadata) byOptions.set(key, (metadata = lookup(target, schema, always, strictGroups, groups)));
    return metadata;
  };
}
