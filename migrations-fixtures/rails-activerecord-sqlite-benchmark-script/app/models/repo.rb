class Repo < ApplicationRecord
  def self.popular
    where("issues_count > ?", 100).order(:name)
  end

  def self.by_language(lang)
    where(language: lang, archived: false)
  end
end
