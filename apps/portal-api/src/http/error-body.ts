import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ description: 'The request field the problem is about (a dotted path for nested fields)', example: 'email' })
  field?: string;

  @ApiProperty({ description: 'What is wrong with it', example: 'must be an email' })
  message!: string;
}

/** The one shape of every error the API returns. */
export class ErrorBodyDto {
  @ApiProperty({ description: 'HTTP status code', type: 'integer', minimum: 400, maximum: 599, example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'HTTP reason phrase', example: 'Bad Request' })
  error!: string;

  @ApiProperty({ description: 'What went wrong, for a person', example: 'Invalid request' })
  message!: string;

  @ApiProperty({
    description: 'A stable code a client can branch on, more specific than the status; each response lists the codes it can carry',
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiPropertyOptional({ description: 'Field-level problems (invalid input): one per field', type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];
}

/** 402: the error shape plus where to pay. */
export class PaymentRequiredBodyDto extends ErrorBodyDto {
  @ApiProperty({ description: 'A Stripe Checkout page that sells the tier; the tier changes once Stripe reports the payment', format: 'uri' })
  checkoutUrl!: string;
}
