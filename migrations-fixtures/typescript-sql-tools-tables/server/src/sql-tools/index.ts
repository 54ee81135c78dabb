// The project's schema-from-code decorators: each registers what it declares.
type Options = { name?: string; type?: string; nullable?: boolean; primary?: boolean; synchronize?: boolean; default?: unknown };
const registry: unknown[] = [];
const asOptions = (options: string | Options): Options => (typeof options === 'string' ? { name: options } : options);

export const Table = (options: string | Options = {}): ClassDecorator => (object) => void registry.push({ table: object, options: asOptions(options) });
export const Database = (options: { name: string }): ClassDecorator => (object) => void registry.push({ database: object, options });
export const Column = (options: string | Options = {}): PropertyDecorator => (object, propertyName) =>
  void registry.push({ column: propertyName, object, options: asOptions(options) });
export const PrimaryGeneratedColumn = (options: Options = {}) => Column({ ...options, primary: true, type: 'uuid' });
export const CreateDateColumn = (options: Options = {}) => Column({ type: 'timestamp with time zone', ...options });
export const ForeignKeyColumn = (target: () => object, options: Options): PropertyDecorator => Column(options);
