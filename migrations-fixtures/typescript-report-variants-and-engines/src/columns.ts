export function eventColumns() {
  return 'website_event.url_path, website_event.event_nam';
}
