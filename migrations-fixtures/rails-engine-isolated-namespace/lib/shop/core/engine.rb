# frozen_string_literal: true

module Shop
  module Core
    class Engine < ::Rails::Engine
      isolate_namespace Shop
      engine_name 'shop'

      config.autoload_paths += %W(#{config.root}/lib)
    end
  end
end
