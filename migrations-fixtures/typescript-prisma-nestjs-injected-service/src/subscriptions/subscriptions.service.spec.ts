import { PrismaService } from '../prisma/prisma.service';
import { SubscriptionsService } from './subscriptions.service';

describe('SubscriptionsService', () => {
  it('lists yearly subscriptions', async () => {
    const prismaService = {
      subscription: { findMany: jest.fn().mockResolvedValue([]) }
    } as unknown as PrismaService;
    const service = new SubscriptionsService(undefined, prismaService);

    await service.listYearly('c1');

    // A mock typed as the client by a cast: no declaration types the name, nothing is read.
    expect(prismaService.subscription.findMany({ where: { renewalInterval: 'YEARLY' } })).toBeDefined();
  });
});
