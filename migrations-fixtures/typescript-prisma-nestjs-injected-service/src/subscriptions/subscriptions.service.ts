import { Injectable } from '@nestjs/common';
import { Interval } from '@prisma/client';

import { PrismaService } from '../prisma/prisma.service';
import { BillingGateway } from './billing.gateway';

@Injectable()
export class SubscriptionsService {
  public constructor(
    private readonly billingGateway: BillingGateway,
    private readonly prismaService: PrismaService
  ) {}

  public async listYearly(customerId: string) {
    return this.prismaService.subscription.findMany({
      orderBy: { renewsAt: 'asc' },
      select: { id: true, plan: true },
      where: { customerId, renewalInterval: 'YEARLY' }
    });
  }

  public async changeInterval(id: string, renewalInterval: Interval) {
    // The gateway's own `subscription` resource is no Prisma model.
    await this.billingGateway.subscription.update({
      data: { renewalInterval },
      where: { id }
    });

    return this.prismaService.subscription.update({
      data: { renewalInterval },
      where: { id }
    });
  }
}
