# The batch job: every write names columns of llm_results, or setters the model declares.
class SummarizeJob < ApplicationJob
  MODEL = "gpt-4o-2024-08-06"

  def perform(tenant_id, prompt, text, body)
    tenant = Tenant.find(tenant_id)
    result = LlmResult.create!(
      tenant: tenant,
      provider: "openai",
      prompt: prompt,
      output: text,
      tokens: text.length / 4,
      model_version: MODEL,
      raw_response: body,
      cost_estimate: 0.02,
      temperature: 0.7,
      citations_attributes: [{ url: "https://example.com" }],
      citation_ids: [],
      feedbacks: [],
      transcript: nil,
      status: :done,
      plan: "pro"
    )
    result.update!(output: text.strip, status: :done)
    LlmResult.find(result.id).update(tokens_used: 12)
  end

  def backfill(tenant, rows)
    LlmResult.insert_all(
      rows.map { |r| { tenant_id: tenant.id, provider: r[:provider], prompt_hash: r[:hash], tokens_used: 0 } },
      returning: %w[id]
    )
    LlmResult.upsert_all([{ tenant_id: tenant.id, provider: "anthropic", prompt_hash: "h1", output: "o" }],
                         unique_by: :prompt_hash)
    record = LlmResult.find_by(prompt_hash: "h1")
    record.update_columns(tokens_used: 3, output: nil)
    record.update_column(:status, "failed")
    record.assign_attributes(output: "retried")
    draft = LlmResult.new(provider: "local", tenant_id: tenant.id)
    draft.save!
  end

  def signup(email, password)
    User.create!(email: email, password: password, password_confirmation: password)
  end

  # A local assigned from two different things: not certain which model it holds.
  def ambiguous(flag)
    thing = LlmResult.new
    thing = Struct.new(:label).new if flag
    thing.update(label: "x")
  end
end
