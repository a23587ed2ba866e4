import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { type Admission, type AdmissionCheck, AdmissionChecks, type AdmissionRequest } from '../proxy/admission-checks';

export const ALLOW_LIST_ORDER = 10;

/**
 * A key with a `models` list may use only those models: the name it sent or the model routing chose must be on the
 * list (so a list with "auto" allows routing by decisions, and a list with "qwen" does not let "auto" reach another
 * model). Refused with 403 in the caller's format.
 */
@Injectable()
export class ModelAllowListCheck implements AdmissionCheck, OnModuleInit {
  constructor(@Inject(AdmissionChecks) private readonly checks: AdmissionChecks) {}

  onModuleInit(): void {
    this.checks.register(this, ALLOW_LIST_ORDER);
  }

  admit(request: AdmissionRequest): Admission | undefined {
    const allowed = request.principal?.models;
    if (!allowed || allowed.includes(request.requestedModel) || allowed.includes(request.routedModel)) return undefined;
    const asked = request.requestedModel === request.routedModel ? `"${request.routedModel}"` : `"${request.requestedModel}" (routed to "${request.routedModel}")`;
    throw new GatewayError('permission', `The key "${request.principal!.keyName}" may not use the model ${asked}; it may use: ${allowed.join(', ')}`, {
      param: 'model',
    });
  }
}
