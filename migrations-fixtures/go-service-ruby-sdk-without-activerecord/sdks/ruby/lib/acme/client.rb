# frozen_string_literal: true

module Acme
  # The SDK's entry point: talks to the engine over its REST API, never to the database.
  class Client
    def initialize(token:, base_url: "https://engine.example.com")
      @token = token
      @base_url = base_url
    end

    def runs
      @runs ||= Resources::Runs.new(self)
    end
  end
end
