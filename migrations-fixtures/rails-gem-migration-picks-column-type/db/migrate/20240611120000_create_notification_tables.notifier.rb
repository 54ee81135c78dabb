# This migration comes from notifier (originally 20231002101500)
class CreateNotificationTables < ActiveRecord::Migration[6.1]
  def change
    primary_key_type, foreign_key_type = key_types
    create_table :notifier_events, id: primary_key_type do |t|
      t.string :type
      t.belongs_to :record, polymorphic: true, type: foreign_key_type
      if t.respond_to?(:jsonb)
        t.jsonb :params
      else
        t.json :params
      end
      t.mediumtext :body_html if t.respond_to?(:mediumtext)
      t.text :body_html unless t.respond_to?(:mediumtext)

      t.timestamps
    end

    create_table :notifier_deliveries, id: primary_key_type do |t|
      t.belongs_to :event, null: false, type: foreign_key_type
      t.belongs_to :recipient, polymorphic: true, null: false, type: foreign_key_type
      t.datetime :read_at
      t.datetime :seen_at

      t.timestamps
    end
  end

  private

  def key_types
    config = Rails.configuration.generators
    setting = config.options[config.orm][:primary_key_type]
    [setting || :primary_key, setting || :bigint]
  end
end
