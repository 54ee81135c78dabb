/** Types generated for queries found in "src/queries/projects.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export interface IProjectsByOwnerParams { ownerId?: string | null | void; }
export interface IProjectsByOwnerResult { archived: boolean; id: string; name: string; }

const projectsByOwnerIR: any = {"queryString":"SELECT id, name, archived FROM projects WHERE owner_id = :ownerId"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, name, archived FROM projects WHERE owner_id = :ownerId
 * ```
 */
export const projectsByOwner = new PreparedQuery<IProjectsByOwnerParams,IProjectsByOwnerResult>(projectsByOwnerIR);
