/**
 * How the resources of one export point at each other: every entry of the
 * bundle has the full URL `urn:uuid:<id>`, and every reference is that URL, so
 * a receiver resolves each one inside the bundle without a server.
 */
import type { FhirResource, Reference } from 'fhir/r4'

/** The bundle entry URL of a resource id. */
export function urnOf(id: string): string {
  return `urn:uuid:${id}`
}

/**
 * A reference to a resource of the same bundle.
 *
 * @throws Error when the resource has no id: every resource the builders make has one.
 */
export function referenceTo(resource: FhirResource): Reference {
  if (resource.id === undefined) throw new Error(`A ${resource.resourceType} without an id.`)
  return { reference: urnOf(resource.id), type: resource.resourceType }
}
