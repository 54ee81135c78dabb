import { Injectable } from '@nestjs/common';
import { PrismaService } from '@acme/db';

@Injectable()
export class WebhookService {
  constructor(private readonly prismaService: PrismaService) {}

  async create(userId: string, name: string, url: string) {
    return this.prismaService.webhook.create({
      data: { name, url, isEnabled: true, createdBy: userId },
      select: { id: true, name: true, url: true },
    });
  }

  async recordDelivery(id: string, status: number) {
    await this.prismaService.webhook.update({
      where: { id },
      data: { lastStatus: status },
    });
  }

  async listEnabled() {
    return this.prismaService.webhook.findMany({
      where: { isEnabled: true },
      orderBy: { createdTime: 'desc' },
    });
  }
}
