module SurveyQuestions
  module_function

  # ActiveSupport's Enumerable#pluck on the serialized questions: no query.
  def prompts(survey)
    survey.questions.pluck('prompt')
  end
end
