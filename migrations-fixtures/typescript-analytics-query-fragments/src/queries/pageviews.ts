import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Filters are appended at run time: `and website_event.url_path = $2`, `and session.country = $3`.
export async function pageViews(websiteId: string, filterQuery: string, joinSessionQuery: string) {
  return prisma.$queryRawUnsafe(
    `
    select url_path, count(*) as views
    from website_event
    ${joinSessionQuery}
    where website_event.website_id = {{websiteId::uuid}}
      and website_event.referrer_domain is not null
      ${filterQuery}
    group by 1
    order by 2 desc
    `,
    websiteId,
  );
}

// `browser` is a session column: the joined fragment may bring it, so it is not judged.
export async function browsers(websiteId: string, joinSessionQuery: string, filterQuery: string) {
  return prisma.$queryRawUnsafe(
    `select browser, count(*) from website_event ${joinSessionQuery}
     where website_event.website_id = $1 ${filterQuery} group by 1`,
    websiteId,
  );
}

export async function recentEvents(websiteId: string, orderBy: string, direction: string) {
  return prisma.$queryRawUnsafe(
    `select event_id, url_path, created_at from website_event
     where website_id = $1 and event_type = 1
     order by ${orderBy} ${direction}
     limit 100`,
    websiteId,
  );
}

// Events are archived into one table per month: website_event_2024_01, ...
export async function archivedEvents(month: string, websiteId: string) {
  return prisma.$queryRawUnsafe(
    `select e.url_path, w.name, w.owner_id
     from website_event_${month} e
     join website w on w.website_id = e.website_id
     where w.website_id = $1`,
    websiteId,
  );
}

// The column comes from a request parameter.
export async function distinctValues(column: string, websiteId: string) {
  return prisma.$queryRawUnsafe(`select distinct "${column}" from session where website_id = $1`, websiteId);
}

// A fragment where no neutral text fits: the SET list.
export async function updateSession(sets: string, sessionId: string) {
  return prisma.$executeRawUnsafe(`update session set ${sets} where session_id = $1`, sessionId);
}
