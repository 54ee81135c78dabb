// Accounts as the worker sees them; sqlx checks this query when the crate builds.
pub async fn plan_of(pool: &sqlx::PgPool, id: i64) -> sqlx::Result<String> {
    let row: (String,) = sqlx::query_as(r#"
        SELECT plan FROM accounts WHERE id = $1
    "#)
    .bind(id)
    .fetch_one(pool)
    .await?;
    Ok(row.0)
}
