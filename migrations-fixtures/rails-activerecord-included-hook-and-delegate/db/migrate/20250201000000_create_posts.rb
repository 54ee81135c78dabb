class CreatePosts < ActiveRecord::Migration[7.1]
  def change
    create_table :people do |t|
      t.string :handle
    end

    create_table :photos do |t|
      t.references :author
      t.string :caption
    end

    create_table :polls do |t|
      t.references :photo
    end

    create_table :badges do |t|
      t.references :author
    end
  end
end
