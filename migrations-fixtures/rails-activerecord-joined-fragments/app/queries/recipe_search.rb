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
end
