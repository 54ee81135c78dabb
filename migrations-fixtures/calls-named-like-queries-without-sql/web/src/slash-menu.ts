// An editor menu whose own execute() runs a command on the document: no database here.
type Editor = { insert(text: string, at: number): void };

export class SlashMenu {
  execute(editor: Editor, position: number) {
    editor.insert("/", position);
  }

  onKey(editor: Editor) {
    setTimeout(() => {
      this.execute(editor, 0);
    }, 0);
  }
}
