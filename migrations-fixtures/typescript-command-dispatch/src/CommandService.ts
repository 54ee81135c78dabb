// Runs an editor command by its name.
export default class CommandService {
  private static instance_: CommandService;
  static instance() {
    if (!this.instance_) this.instance_ = new CommandService();
    return this.instance_;
  }
  execute(commandName: string, ...args: unknown[]) {
    return { commandName, args };
  }
}
