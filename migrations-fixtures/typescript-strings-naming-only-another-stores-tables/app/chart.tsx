export function Chart(props: { query: string }) {
  return <pre>{props.query}</pre>;
}
