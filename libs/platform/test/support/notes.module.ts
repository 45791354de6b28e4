import { Body, Controller, Get, HttpCode, Injectable, Module, Param, Post, Req } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, ownedOrNotFound, Principal, Public, RawBodyRequest, RequireScopes, tenantOf } from '../../src';
import { AdminPingController } from './admin-ping.controller';

/** A tiny tenant-scoped resource, to exercise authentication, scopes, tenant isolation and validation. */
interface Note {
  id: string;
  tenantId: string;
  text: string;
}

class NoteTagDto {
  @IsString()
  @Length(1, 20)
  label: string;
}

class CreateNoteDto {
  @IsString()
  @Length(1, 200)
  text: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NoteTagDto)
  tags?: NoteTagDto[];
}

@Injectable()
class NotesStore {
  readonly notes = new Map<string, Note>();
}

@Controller('notes')
class NotesController {
  constructor(private readonly store: NotesStore) {}

  @Post()
  @RequireScopes('notes:write')
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateNoteDto): Note {
    const note = { id: randomUUID(), tenantId: tenantOf(principal), text: body.text };
    this.store.notes.set(note.id, note);
    return note;
  }

  @Get(':id')
  @RequireScopes('notes:read')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Note {
    return ownedOrNotFound(principal, this.store.notes.get(id), `Note ${id} does not exist.`);
  }
}

@Controller('failures')
class FailuresController {
  @Public()
  @Get('unexpected')
  unexpected(): never {
    throw new Error('connection to postgres://svc:hunter2@db-internal:5432 refused');
  }

  /** Answers after half a second: long enough for a client to give up first. */
  @Public()
  @Get('slow')
  async slow(): Promise<{ ok: true }> {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ok: true };
  }
}

/** A signed-webhook receiver: it reports the body as it arrived and what a JSON parser made of it. */
@Controller('webhooks')
class WebhookEchoController {
  @Public()
  @Post('echo')
  @HttpCode(200)
  echo(@Req() request: RawBodyRequest, @Body() parsed: unknown): { rawBody: string | null; parsed: unknown } {
    return { rawBody: request.rawBody?.toString('base64') ?? null, parsed: parsed ?? null };
  }
}

@Module({ controllers: [NotesController, FailuresController, WebhookEchoController, AdminPingController], providers: [NotesStore] })
export class NotesModule {}
