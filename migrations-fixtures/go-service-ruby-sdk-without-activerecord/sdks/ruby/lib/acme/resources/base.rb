# frozen_string_literal: true

module Acme
  module Resources
    class Base
      def initialize(client)
        @client = client
      end
    end
  end
end
