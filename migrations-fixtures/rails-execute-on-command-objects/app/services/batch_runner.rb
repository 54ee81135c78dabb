# Command objects named `execute`: the step runner and the rule executor run no SQL.
class BatchRunner
  def initialize(runner, executor)
    @runner = runner
    @executor = executor
  end

  def run(actions, scope)
    actions.each { |action| @runner.execute(action) }
    runner = @runner
    runner.execute(actions.first)
    @executor.execute(scope, value: 1, ignore_locks: true)
  end
end
