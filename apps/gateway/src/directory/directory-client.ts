import { Inject, Injectable } from '@nestjs/common';
import { KorgooConfig } from '@korgoo/config';
import {
  ContractViolation,
  DirectoryContracts,
  DirectoryRequestClasses,
  DirectorySubject,
  parseContract,
  QueryFailure,
} from '@korgoo/contracts';
import { describe, MessagingRuntime, QueryFailed, SubjectNamespace } from '@korgoo/messaging';
import { KORGOO_CONFIG, MESSAGING } from '@korgoo/platform';
import { invalidFields } from '../http/problems';

/** Asks matching, which owns the directory; a refusal comes back as QueryFailed and maps to its HTTP status. */
@Injectable()
export class DirectoryClient {
  private readonly ns: SubjectNamespace;

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) config: KorgooConfig,
  ) {
    this.ns = new SubjectNamespace(config.namespace);
  }

  async request<S extends DirectorySubject>(
    subject: S,
    request: DirectoryContracts[S]['request'],
  ): Promise<DirectoryContracts[S]['reply']> {
    try {
      parseContract(DirectoryRequestClasses[subject] as new () => object, JSON.parse(JSON.stringify(request)));
    } catch (error) {
      // Path parameters are checked here: the body was already validated by the global pipe.
      if (error instanceof ContractViolation) throw invalidFields(error.problems);
      throw error;
    }
    let reply: DirectoryContracts[S]['reply'] | QueryFailure;
    try {
      const message = await this.messaging.nc.request(this.ns.subject(subject), JSON.stringify(request), { timeout: 3_000 });
      reply = message.json();
    } catch (error) {
      throw new QueryFailed(subject, 'unavailable', describe(error));
    }
    if (reply && typeof reply === 'object' && 'error' in reply) {
      throw new QueryFailed(subject, reply.error.code, reply.error.message);
    }
    return reply;
  }
}
