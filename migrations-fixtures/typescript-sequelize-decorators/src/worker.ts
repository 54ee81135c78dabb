// Stores each summary the LLM returns, with the model that wrote it.
import { LlmResult } from "./models/llm-result";

export async function saveResult(tenantId: number, promptHash: string, output: string) {
  return LlmResult.create({ tenantId, promptHash, output, modelVersion: "gpt-4o-2024-08-06" });
}
