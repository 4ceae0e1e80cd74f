import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ description: 'The request field the problem is about', example: 'email' })
  field?: string;

  @ApiProperty({ description: 'What is wrong with it', example: 'must be an email' })
  message!: string;
}

/** The one shape of every error the API returns. */
export class ErrorBodyDto {
  @ApiProperty({ description: 'HTTP status code', example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'HTTP reason phrase', example: 'Bad Request' })
  error!: string;

  @ApiProperty({ description: 'What went wrong, for a person', example: 'Invalid request' })
  message!: string;

  @ApiProperty({ description: 'A stable code a client can branch on, more specific than the status', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiPropertyOptional({ description: 'Field-level problems', type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];
}
