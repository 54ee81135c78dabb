export class NoteListComponent {
  notes: string[] = []
}
