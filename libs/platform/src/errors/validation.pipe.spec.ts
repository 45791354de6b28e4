import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ValidationProblem } from './problems';
import { createValidationPipe } from './validation.pipe';

class FilterDto {
  @IsString()
  field: string;
}

class MappingDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FilterDto)
  filters: FilterDto[];
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const body: ArgumentMetadata = { type: 'body', metatype: MappingDto };

  async function problemFor(value: unknown): Promise<ValidationProblem> {
    try {
      await pipe.transform(value, body);
    } catch (error) {
      return error as ValidationProblem;
    }
    throw new Error('the value passed validation');
  }

  it('turns class-validator errors into a ValidationProblem with dotted field paths', async () => {
    const problem = await problemFor({ version: 0, filters: [{ field: 'email' }, { field: 7 }] });
    expect(problem).toBeInstanceOf(ValidationProblem);
    expect(problem.problem.errors).toEqual([
      { field: 'version', message: 'version must not be less than 1' },
      { field: 'filters.1.field', message: 'field must be a string' },
    ]);
  });

  it('refuses unknown fields, nested ones included', async () => {
    const problem = await problemFor({ version: 1, filters: [{ field: 'email', op: 'eq' }], owner: 'x' });
    expect(problem.problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'owner', message: 'property owner should not exist' },
        { field: 'filters.0.op', message: 'property op should not exist' },
      ]),
    );
  });

  it('returns an instance of the DTO for valid input', async () => {
    const value = await pipe.transform({ version: 2, filters: [{ field: 'email' }] }, body);
    expect(value).toBeInstanceOf(MappingDto);
    expect(value.filters[0]).toBeInstanceOf(FilterDto);
  });
});
