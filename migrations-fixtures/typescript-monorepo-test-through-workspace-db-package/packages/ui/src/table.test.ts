// A front end's test: no database client anywhere in its package, so this goes to a fake.
test("renders rows", () => {
  const rows = fakeDb.query("SELECT shade FROM swatches");
  expect(rows).toEqual([]);
});
