class RecipeSearch
  # A name qualified with the model's own table is its column, joins or not.
  def quick
    Recipe.joins(:reviews).where("recipes.minutes < 20")
  end

  # vegan was never migrated; reviews.stars is the joined table's, left unjudged here.
  def well_rated_vegan
    Recipe.joins(:reviews).where("recipes.vegan = true AND reviews.stars >= 4")
  end

  # Unqualified: either table may hold it.
  def titled(title)
    Recipe.joins(:reviews).where("title = ?", title)
  end

  # `from` puts a subquery where the table was, under the table's name: its vegan is the
  # subquery's column, not the table's. Not judged.
  def flagged
    Recipe.from("(SELECT id, title, true AS vegan FROM recipes) recipes").where("recipes.vegan = true")
  end
end
