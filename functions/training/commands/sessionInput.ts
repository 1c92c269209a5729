/**
 * Turns the API's session input into the domain's fields: attendees named by a team-directory
 * person id are looked up in the directory (their name as the directory has it), attendees
 * named on the sign-in sheet get the id of their name.
 */
import { directoryPeople, normalisedPersonName, personIdOfName, type SessionAttendee } from '../../../domain/training';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { getTeamDirectory } from '../../reviews/reminderStore';
import type { AttendeeInput } from '../trainingModel';

export async function resolveAttendees(context: Pick<TenantCommandContext, 'table'>, attendees: readonly AttendeeInput[]): Promise<SessionAttendee[]> {
  const needsDirectory = attendees.some((attendee) => 'personId' in attendee);
  const people = needsDirectory ? directoryPeople((await getTeamDirectory(context.table)).members) : [];
  return attendees.map((attendee, index) => {
    if ('name' in attendee) {
      return { personId: personIdOfName(attendee.name), name: normalisedPersonName(attendee.name), source: 'named' as const };
    }
    const person = people.find((p) => p.personId === attendee.personId);
    if (!person) {
      refuse('invalidInput', 'PERSON_NOT_IN_DIRECTORY', { zhTW: '此人員不在個資小組名冊中；請改填姓名', en: 'This person is not in the team directory; give the name instead' }, { field: `attendees[${index}].personId` });
    }
    return { personId: person.personId, name: person.name, source: 'teamDirectory' as const };
  });
}
