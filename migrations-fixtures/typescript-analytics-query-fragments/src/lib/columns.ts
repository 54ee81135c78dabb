export const WEBSITE_COLUMNS = 'website_id, name, domain, share_id';
