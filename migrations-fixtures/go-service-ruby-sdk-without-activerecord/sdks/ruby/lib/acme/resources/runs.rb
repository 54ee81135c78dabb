# frozen_string_literal: true

module Acme
  module Resources
    # Filters runs the REST API returned, in memory.
    class Runs < Base
      def failed(workflow)
        list.where(workflow: workflow, status: "FAILED")
      end

      def by_id(id)
        list.find_by(id: id)
      end

      private

      def list
        RunList.new(@client.get("/api/v1/runs"))
      end
    end
  end
end
