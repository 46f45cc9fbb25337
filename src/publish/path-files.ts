/** File indexes by path: what a state serves at each path, and each feed path's browser preview. */
export interface PathFiles {
  readonly routes: Record<string, number>;
  readonly previews: Record<string, number>;
}
