# The model's own find_or_create_by takes a URL and builds its own query: url is no column.
class Pod < ApplicationRecord
  class << self
    def find_or_create_by(opts)
      uri = URI.parse(opts.fetch(:url))
      find_or_initialize_by(host: uri.host, port: uri.port).tap(&:save!)
    end
  end

  def self.new(opts)
    super(host: URI.parse(opts.fetch(:url)).host)
  end
end
