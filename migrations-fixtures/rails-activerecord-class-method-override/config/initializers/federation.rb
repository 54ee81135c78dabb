Federation.configure do |config|
  config.define :fetch_pod do |url|
    Pod.find_or_create_by(url: url)
  end
  config.define :build_pod do |url|
    Pod.new(url: url)
  end
  config.define :pods_on do |host|
    Pod.where(host: host, ssl: true)
  end
end
