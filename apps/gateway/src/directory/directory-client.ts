import { Inject, Injectable } from '@nestjs/common';
import { ContractViolation, DirectoryContracts, DirectoryRequestClasses, DirectorySubject } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { invalidFields } from '../http/problems';

/** Asks matching, which owns the directory; a refusal comes back as QueryFailed and maps to its HTTP status. */
@Injectable()
export class DirectoryClient {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingRuntime) {}

  async request<S extends DirectorySubject>(
    subject: S,
    request: DirectoryContracts[S]['request'],
  ): Promise<DirectoryContracts[S]['reply']> {
    try {
      return await this.messaging.client.requestFrom<DirectoryContracts, S>(DirectoryRequestClasses, subject, request);
    } catch (error) {
      // Path parameters are checked here: the body was already validated by the global pipe.
      if (error instanceof ContractViolation) throw invalidFields(error.problems);
      throw error;
    }
  }
}
