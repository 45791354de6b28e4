import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DryRunResultsQueryDto } from '../dry-runs/dto/dry-run-results.dto';
import { LicenceReclamationQueryDto } from '../reports/dto/licence-reclamation.dto';

describe('the page size of the writer’s listings', () => {
  it.each([DryRunResultsQueryDto, LicenceReclamationQueryDto])(
    '%p takes 1 to 1000, as a query string gives it, and refuses others',
    async (dto) => {
      const problemsOf = async (limit: string) => (await validate(plainToInstance(dto, { limit }))).map((error) => error.property);
      expect(plainToInstance(dto, { limit: '50' }).limit).toBe(50);
      expect(await problemsOf('50')).toEqual([]);
      expect(await problemsOf('1000')).toEqual([]);
      expect(await problemsOf('0')).toEqual(['limit']);
      expect(await problemsOf('1001')).toEqual(['limit']);
      expect(await problemsOf('ten')).toEqual(['limit']);
    },
  );
});
