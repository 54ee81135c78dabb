import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';

import { PrismaService } from '@app/database';

@Injectable()
export class RenewalJob {
  private readonly db: PrismaService;

  public constructor(db: PrismaService) {
    this.db = db;
  }

  @Cron('0 * * * *')
  public async run() {
    const due = await this.db.subscription.findMany({
      where: { renewsAt: { lte: new Date() } }
    });

    return countMonthly(this.db, due.length);
  }
}

async function countMonthly(client: PrismaService, limit: number) {
  return client.subscription.count({
    take: limit,
    where: { renewalInterval: 'MONTHLY' }
  });
}
