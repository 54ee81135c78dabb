"use client";
// A browser component: execute() is the action hook's, which posts to the server.
import { useAction } from "next-safe-action/hooks";
import { shareNote } from "./actions";

export function ShareForm(props: { onSubmit(handler: (data: unknown) => void): void }) {
  const share = useAction(shareNote);
  props.onSubmit((data) => share.execute(data));
  return <button>Share</button>;
}
