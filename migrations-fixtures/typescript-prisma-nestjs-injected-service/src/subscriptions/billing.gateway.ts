import { Injectable } from '@nestjs/common';

import { BillingApi } from '@acme/billing-sdk';

@Injectable()
export class BillingGateway {
  public readonly subscription: BillingApi['subscription'];

  public constructor(api: BillingApi) {
    this.subscription = api.subscription;
  }
}
