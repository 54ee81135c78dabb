# An admin page's class named like the model: it holds no record.
module Admin
  class Author < Admin::BaseResource
    def title
      "Authors"
    end
  end
end
